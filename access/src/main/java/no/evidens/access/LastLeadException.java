package no.evidens.access;

/**
 * A change of a case's members that would leave it with members but no lead (the last lead removed or given another role):
 * refused, so somebody stays who may manage the case. The workspace answers it with 409, the command line with one line.
 */
public final class LastLeadException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String caseId;
    private final String user;

    LastLeadException(String caseId, String user) {
        super(user + " is the last lead of case " + caseId + ": make another member lead first");
        this.caseId = caseId;
        this.user = user;
    }

    public String caseId() {
        return caseId;
    }

    public String user() {
        return user;
    }
}
