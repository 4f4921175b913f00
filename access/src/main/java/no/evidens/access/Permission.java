package no.evidens.access;

/** What a request does to a case; each {@link Role} allows some of these. */
public enum Permission {
    /** Search, read documents and passages, the overview, the findings and their history. */
    READ,
    /** Create and delete findings, attach, move and detach quotations, change any field of a finding. */
    WRITE_FINDINGS,
    /** Change a finding's text (its wording in the report). */
    EDIT_TEXT,
    /** Export the findings report. */
    EXPORT,
    /** Upload a bundle into the case. */
    INGEST,
    /** Add and remove members, change their roles. */
    MANAGE_MEMBERS,
    /** Approve findings (the review workflow). */
    APPROVE,
    /** Replace or delete a saved search that another member saved (one's own needs only {@link #READ}). */
    MANAGE_SAVED_SEARCHES
}
