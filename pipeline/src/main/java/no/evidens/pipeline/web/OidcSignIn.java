package no.evidens.pipeline.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * The OpenID Connect authorization-code flow with PKCE, state and nonce, on Nimbus's SDK: the address
 * to send the browser to, and the checked identity (subject, e-mail) from the provider's answer. The
 * provider's metadata is discovered on first use; a sign-in begun must finish within ten minutes.
 */
final class OidcSignIn {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OidcSignIn.class);
    private static final Duration PENDING = Duration.ofMinutes(10);
    /** Sign-ins begun and not finished, at most (each is a few hundred bytes until it expires). */
    private static final int MAX_PENDING = 10_000;
    /** How long reading the provider's signing keys may take to connect, and to read (milliseconds). */
    private static final int KEYS_TIMEOUT_MS = 5_000;
    /** The largest key set read from the provider. */
    private static final int KEYS_MAX_BYTES = 512 * 1024;

    /** Who the provider says signed in. */
    record Identity(String subject, String email) {
    }

    private record Pending(Nonce nonce, CodeVerifier verifier, Instant started) {
    }

    private final Exposure.Oidc settings;
    private final URI redirect;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile OIDCProviderMetadata metadata;

    OidcSignIn(Exposure.Oidc settings, URI redirect) {
        this.settings = settings;
        this.redirect = redirect;
    }

    private OIDCProviderMetadata metadata() throws IOException {
        OIDCProviderMetadata m = metadata;
        if (m == null) {
            try {
                m = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()));
            } catch (GeneralException | IOException e) {
                // the person is told the provider does not answer now (in their language); the reason is for the log
                LOG.warn("the identity provider's metadata cannot be read: {}", e.getClass().getName());
                throw new ApiError(502, "error.oidc.unavailable");
            }
            metadata = m;
        }
        return m;
    }

    /** Starts a sign-in: the state (for the browser's cookie) and the provider's address to go to. */
    Map.Entry<String, URI> begin() throws IOException {
        Instant now = Instant.now();
        pending.values().removeIf(p -> p.started().plus(PENDING).isBefore(now));
        if (pending.size() >= MAX_PENDING) {
            throw new ApiError(503, "error.oidc.busy");
        }
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        pending.put(state.getValue(), new Pending(nonce, verifier, now));
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email", "profile"),
                new ClientID(settings.clientId()), redirect)
                .endpointURI(metadata().getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256).build();
        return Map.entry(state.getValue(), request.toURI());
    }

    /**
     * Finishes a sign-in from the provider's redirect (its query string), when its state is the one this
     * browser started ({@code browserState}, from its cookie): exchanges the code, validates the ID token
     * (signature from the provider's keys, issuer, audience, expiry, nonce).
     */
    Identity finish(String query, String browserState) throws IOException {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(URI.create(redirect + "?" + (query == null ? "" : query)));
        } catch (ParseException e) {
            throw new ApiError(400, "error.oidc.unreadable");
        }
        if (!response.indicatesSuccess()) {
            String code = response.toErrorResponse().getErrorObject().getCode();
            LOG.info("the identity provider refused a sign-in: {}", code);
            throw refusal(code);
        }
        AuthenticationSuccessResponse ok = response.toSuccessResponse();
        String state = ok.getState() == null ? null : ok.getState().getValue();
        Pending p = state == null ? null : pending.remove(state);
        if (p == null || !state.equals(browserState) || p.started().plus(PENDING).isBefore(Instant.now())) {
            throw new ApiError(401, "error.oidc.expired");
        }
        AuthorizationCode code = ok.getAuthorizationCode();
        OIDCProviderMetadata m = metadata();
        ClientID client = new ClientID(settings.clientId());
        TokenRequest tokenRequest = new TokenRequest.Builder(m.getTokenEndpointURI(), new ClientSecretBasic(client, new Secret(settings.clientSecret())),
                new AuthorizationCodeGrant(code, redirect, p.verifier())).build();
        try {
            TokenResponse tokens = OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
            if (!tokens.indicatesSuccess()) {
                LOG.info("the identity provider gave no token: {}", tokens.toErrorResponse().getErrorObject().getCode());
                throw new ApiError(401, "error.oidc.no-token");
            }
            OIDCTokenResponse oidc = (OIDCTokenResponse) tokens.toSuccessResponse();
            // the provider's keys read with seconds, not Nimbus's default half second, to connect and to read: a busy
            // provider (or machine) must not turn a good sign-in into "not confirmed"
            IDTokenValidator validator = new IDTokenValidator(m.getIssuer(), client, JWSAlgorithm.RS256, m.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(KEYS_TIMEOUT_MS, KEYS_TIMEOUT_MS, KEYS_MAX_BYTES));
            IDTokenClaimsSet claims = validator.validate(oidc.getOIDCTokens().getIDToken(), p.nonce());
            return new Identity(claims.getSubject().getValue(), claims.getStringClaim("email"));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            LOG.info("an ID token not confirmed: {}", e.getClass().getName());
            throw new ApiError(401, "error.oidc.unconfirmed");
        }
    }

    /**
     * The refusal for the provider's error code (OpenID Connect Core 3.1.2.6, RFC 6749 4.1.2.1), in the catalogue's
     * words: the code itself is the protocol's English, for the log only.
     */
    static ApiError refusal(String code) {
        return switch (code == null ? "" : code) {
            case "access_denied" -> new ApiError(401, "error.oidc.denied");
            case "login_required", "interaction_required", "consent_required", "account_selection_required" -> new ApiError(401, "error.oidc.again");
            case "temporarily_unavailable", "server_error" -> new ApiError(401, "error.oidc.unavailable");
            default -> new ApiError(401, "error.oidc.refused");
        };
    }
}
