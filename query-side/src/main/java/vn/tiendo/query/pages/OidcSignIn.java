package vn.tiendo.query.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import vn.tiendo.platform.security.PlatformUser;

import java.net.URI;
import java.util.List;

/**
 * The pages signed in through an OIDC provider (Keycloak, profile {@code oidc}): the browser goes to the provider's
 * sign-in page with an authorization code request and PKCE, and comes back with tokens. Who is there, their agency
 * and roles come from the access token exactly as the API reads a bearer token (its audience must name the API), so
 * a page grants nothing the API would refuse. Signing out ends the provider's session too, so the next person at
 * the same computer is asked for a password.
 */
final class OidcSignIn {

    /** The registration id in {@code spring.security.oauth2.client.registration.*}. */
    static final String REGISTRATION = "keycloak";

    private OidcSignIn() {
    }

    /** The signed-in person: the provider's user with the platform user the access token speaks for. */
    static final class PageUser extends DefaultOidcUser implements PlatformUser.SignedIn {
        private final PlatformUser user;

        PageUser(PlatformUser user, OidcUser oidc) {
            super(authorities(user), oidc.getIdToken(), oidc.getUserInfo(), "preferred_username");
            this.user = user;
        }

        @Override
        public PlatformUser platformUser() {
            return user;
        }

        @Override
        public String getName() {
            return user.username();
        }

        private static List<GrantedAuthority> authorities(PlatformUser user) {
            return user.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        }
    }

    /** Reads the person from the access token with the API's own decoder (signature, issuer, expiry) and rules. */
    static OAuth2UserService<OidcUserRequest, OidcUser> users(JwtDecoder accessTokens, String api) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser oidc = provider.loadUser(request);
            Jwt token;
            try {
                token = accessTokens.decode(request.getAccessToken().getTokenValue());
            } catch (JwtException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", "the access token is not valid: " + e.getMessage(), null), e);
            }
            if (!PlatformUser.meantFor(token, api)) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", "the token is not meant for " + api, null));
            }
            return new PageUser(PlatformUser.fromAccessToken(token, api), oidc);
        };
    }

    /**
     * After the local session ends, the provider's session ends too (RP-initiated logout), and the provider sends the
     * browser back to the sign-in page.
     */
    static LogoutSuccessHandler signOutAtProvider(String endSessionUri, String clientId) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            String back = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                    .replacePath(request.getContextPath() + "/login").replaceQuery("logout").build().toUriString();
            UriComponentsBuilder target = UriComponentsBuilder.fromUriString(endSessionUri)
                    .queryParam("client_id", clientId)
                    .queryParam("post_logout_redirect_uri", back);
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser oidc) {
                target.queryParam("id_token_hint", oidc.getIdToken().getTokenValue());
            }
            response.sendRedirect(target.encode().build().toUriString());
        };
    }

    /** The scheme, host and port of a URI, as a Content-Security-Policy source. */
    static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
    }
}
