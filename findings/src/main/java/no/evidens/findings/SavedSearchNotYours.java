package no.evidens.findings;

/**
 * A saved search that someone else saved, refused to a member who may change only their own (a team server's reader,
 * auditor or writer): replacing or deleting it is the case lead's.
 */
public final class SavedSearchNotYours extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String caseId;
    private final String name;
    private final String savedBy;

    public SavedSearchNotYours(String caseId, String name, String savedBy) {
        super("the saved search '" + name + "' of case " + caseId + " was saved by " + savedBy
                + ": only they or the case's lead may replace or delete it");
        this.caseId = caseId;
        this.name = name;
        this.savedBy = savedBy;
    }

    public String caseId() {
        return caseId;
    }

    public String name() {
        return name;
    }

    public String savedBy() {
        return savedBy;
    }
}
