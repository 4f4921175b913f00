package no.evidens.access;

import java.time.Instant;

/**
 * A local account (never its password hash).
 *
 * @param name     the sign-in name (lower case letters, digits, dot, dash, underscore)
 * @param admin    manages accounts (and may add members to any case)
 * @param disabled cannot sign in
 * @param subject  the identity provider's subject linked to this account, or null
 * @param email    the e-mail address an identity provider's user is matched by, or null
 */
public record Account(String name, boolean admin, boolean disabled, Instant created, String subject, String email) {
}
