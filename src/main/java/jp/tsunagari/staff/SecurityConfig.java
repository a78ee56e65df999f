package jp.tsunagari.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.tsunagari.staff.internal.StaffUsers;
import jp.tsunagari.system.StaffScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in for staff: form login at /login against accounts in the database, every /admin URL behind it,
 * /admin/users for ADMIN only. CSRF protection stays on; the session id changes at sign-in; failed sign-ins are
 * throttled per account and per IP address ({@link LoginThrottle}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String TYPED_USERNAME = "catalogue.login.username";

    /**
     * No Micrometer observation around each security filter and authorization decision: profiling showed the
     * wrapping on every public request; HTTP request metrics (http.server.requests) stay.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** Actuator: health for anyone, info and metrics for this machine only; a refusal is a 403, never a sign-in page. */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain actuator(HttpSecurity http,
                                 @Value("${catalogue.security.hsts:false}") boolean hsts) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().access(SecurityConfig::fromThisMachine))
                .exceptionHandling(e -> e.authenticationEntryPoint(
                        new org.springframework.security.web.authentication.HttpStatusEntryPoint(
                                org.springframework.http.HttpStatus.FORBIDDEN)))
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .headers(headers -> ResponseHeaders.apply(headers, hsts))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle,
                            @Value("${catalogue.security.hsts:false}") boolean hsts) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                org.springframework.security.core.Authentication authentication)
                    throws ServletException, IOException {
                throttle.succeeded(authentication.getName());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        success.setDefaultTargetUrl("/admin");
        SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error") {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                                org.springframework.security.core.AuthenticationException exception)
                    throws IOException, ServletException {
                String username = request.getParameter("username");
                throttle.failed(username, request.getRemoteAddr());
                request.getSession().setAttribute(TYPED_USERNAME, username);
                super.onAuthenticationFailure(request, response, exception);
            }
        };
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin/users", "/admin/users/**").hasRole("ADMIN")
                        .requestMatchers(OFFICE_ONLY).hasAnyRole("EDITOR", "ADMIN")
                        .requestMatchers("/admin", "/admin/**").hasAnyRole("ORG_EDITOR", "EDITOR", "ADMIN")
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").successHandler(success).failureHandler(failure).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> ResponseHeaders.apply(headers, hsts))
                // The JSON API has no session or sign-in: nothing a forged request could use (docs/security.md).
                // RFC 8058: mail providers POST "List-Unsubscribe=One-Click" to the link in the mail, without a session or
                // token; the link itself is the secret (an HMAC of the subscription), and it can only delete.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/alerts/unsubscribe/*"))
                .addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** Info and metrics only for requests from this machine (a scraper on the host, or the management port). */
    static AuthorizationDecision fromThisMachine(java.util.function.Supplier<? extends Authentication> auth,
                                                 RequestAuthorizationContext context) {
        String address = context.getRequest().getRemoteAddr();
        boolean local = "127.0.0.1".equals(address) || "0:0:0:0:0:0:0:1".equals(address) || "::1".equals(address);
        return new AuthorizationDecision(local);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * What only the catalogue office may do: publish and unpublish, restore an old revision, review, edit
     * categories and place names, export and import, ask
     * for a link check now. Organization editors (ORG_EDITOR) may use the rest of /admin,
     * for their own organization's programs only (checked per program in the admin module).
     */
    static final String[] OFFICE_ONLY = {"/admin/programs/*/publish", "/admin/programs/*/unpublish",
            "/admin/programs/*/history/*/restore", "/admin/reviews", "/admin/reviews/**", "/admin/categories",
            "/admin/categories/**", "/admin/places", "/admin/places/**", "/admin/export", "/admin/import",
            "/admin/import/**", "/admin/links/check", "/admin/alerts", "/admin/overview/regions.csv",
            "/admin/overview/municipalities.csv", "/admin/overview/searches.csv", "/admin/overview/checker.csv"};

    /** Signs in by the database's accounts; the authorities are the role and the organization (StaffScope). */
    @Bean
    UserDetailsService staffAccounts(StaffUsers users) {
        return username -> users.findByUsername(username)
                .map(u -> User.withUsername(u.username()).password(u.passwordHash())
                        .authorities(new SimpleGrantedAuthority("ROLE_" + u.role().name()),
                                new SimpleGrantedAuthority(StaffScope.ORGANIZATION_AUTHORITY + u.organizationCode()))
                        .disabled(!u.enabled()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such staff user"));
    }

    /** Refuses sign-in attempts while an account or an address is throttled, before any password is checked. */
    static final class ThrottleFilter extends OncePerRequestFilter {
        private final LoginThrottle throttle;

        ThrottleFilter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI())
                    && throttle.blocked(request.getParameter("username"), request.getRemoteAddr())) {
                request.getSession().setAttribute(TYPED_USERNAME, request.getParameter("username"));
                response.sendRedirect(request.getContextPath() + "/login?throttled");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
