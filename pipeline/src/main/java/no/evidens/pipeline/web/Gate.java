package no.evidens.pipeline.web;

import java.util.Optional;

import no.evidens.access.Sessions;

/**
 * Who makes a request: in the single-user mode always the local user; with sign-in on, the user of the
 * session its cookie names (and null when there is none, or it expired).
 */
interface Gate {
    String COOKIE = "evidens_session";

    /** The request's access, or null when nobody is signed in. */
    CaseAccess resolve(Exchange x);

    /** The single-user mode: the local user, lead of every case, with the server's token. */
    static Gate local(String user, String token) {
        CaseAccess local = CaseAccess.local(user, token);
        return x -> local;
    }

    /** Sign-in: the session cookie's user, with their roles and the session's token. */
    static Gate sessions(Sessions sessions, Accounts accounts) {
        return x -> {
            Optional<Sessions.Session> s = sessions.touch(x.cookie(COOKIE));
            CaseAccess a = s.flatMap(session -> accounts.access(session.user(), session.token())).orElse(null);
            if (a != null) {
                x.accountLanguage(accounts.language(a.user()).orElse(null));
            }
            return a;
        };
    }
}
