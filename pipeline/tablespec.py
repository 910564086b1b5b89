"""The knowledge tables' schema: key, columns and indexes of each table (shared by the builder and writers)."""

from __future__ import annotations

RECURRING_MIN_MEETINGS = 3  # a theme "keeps coming back" when items on it appear in this many meetings of a body
JOIN = "; "

# table -> primary key columns; every table written has one
KEYS: dict[str, list[str]] = {
    "meetings": ["meeting_id"],
    "items": ["item_id"],
    "item_topics": ["item_id", "topic"],
    "decisions": ["decision_id"],
    "decision_types": ["decision_id", "type"],
    "people": ["person_id"],
    "person_roles": ["person_id", "meeting_id"],
    "organisations": ["organisation_id"],
    "meeting_organisations": ["meeting_id", "organisation_id"],
    "followups": ["followup_id"],
    "topic_recurrence": ["body_id", "topic"],
    "topic_by_meeting": ["meeting_id"],
}
# the columns of every table with fixed columns, so that an empty table still has them (and a query on an
# empty corpus returns no rows instead of failing); ``topic_by_meeting`` adds one column per topic
MEETING = ["meeting_id", "body_id", "date"]
COLUMNS: dict[str, list[str]] = {
    "meetings": [*MEETING, "body", "time", "venue", "source", "path", "url", "format", "sha256", "pages", "words",
                 "items", "pipeline_version"],
    "items": ["item_id", *MEETING, "number", "ordinal", "title", "topics", "decisions", "follow_ups", "truncated",
              "start", "end"],
    "item_topics": ["item_id", "topic", *MEETING],
    "decisions": ["decision_id", "item_id", *MEETING, "item_title", "label", "types", "text", "origin", "start",
                  "end"],
    "decision_types": ["decision_id", "type", "score", *MEETING],
    "people": ["person_id", "name", "aliases", "bodies", "meetings", "first_seen", "last_seen", "latest_role",
               "latest_organisation"],
    "person_roles": ["person_id", "meeting_id", "date", "body_id", "name_as_written", "role", "organisation"],
    "organisations": ["organisation_id", "name", "expansion", "meetings", "bodies", "first_seen", "last_seen"],
    "meeting_organisations": ["meeting_id", "organisation_id", "name_as_written"],
    "followups": ["followup_id", "item_id", *MEETING, "item_title", "owner", "owner_id", "action", "due", "due_date",
                  "status", "status_evidence", "status_meeting_id", "status_item_id", "status_date", "status_score",
                  "evidence", "evidence_start", "evidence_end", "confidence"],
    "topic_recurrence": ["body_id", "topic", "meetings", "body_meetings", "items", "first_date", "last_date",
                         "years_active", "share_by_year", "longest_run", "recurring"],
    "topic_by_meeting": MEETING,
}
FLOATS = {"score", "status_score", "confidence"}
INTEGERS = {"pages", "words", "items", "ordinal", "decisions", "follow_ups", "start", "end", "evidence_start",
            "evidence_end", "meetings", "body_meetings", "years_active", "longest_run"}
BOOLEANS = {"truncated", "recurring"}


def column_type(table: str, column: str) -> str:
    """The SQLite type of a column, declared up front (rows are streamed in before any table exists as a
    whole); ``topic_by_meeting`` counts items per topic in every column after the meeting's own."""
    if column in FLOATS:
        return "REAL"
    if column in INTEGERS or column in BOOLEANS or (table == "topic_by_meeting" and column not in MEETING):
        return "INTEGER"
    return "TEXT"


# columns worth an index beyond the key (what the questions in the README filter and join on)
INDEXES: dict[str, list[str]] = {
    "meetings": ["body_id", "date"],
    "items": ["meeting_id", "body_id", "date"],
    "item_topics": ["topic", "meeting_id", "body_id"],
    "decisions": ["item_id", "meeting_id", "date"],
    "decision_types": ["type"],
    "person_roles": ["meeting_id", "body_id", "date"],
    "meeting_organisations": ["organisation_id"],
    "followups": ["meeting_id", "item_id", "status", "owner_id", "date", "due_date"],
    "topic_recurrence": ["topic", "recurring"],
    "topic_by_meeting": ["body_id", "date"],
}
