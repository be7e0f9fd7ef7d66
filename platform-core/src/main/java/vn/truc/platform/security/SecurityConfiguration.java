package vn.truc.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.web.SecurityFilterChain;
import vn.truc.platform.flow.FlowRuntime;

/**
 * Every HTTP call is authenticated by an OAuth2 bearer token (a JWT from the configured identity
 * provider, or from the local issuer) and authorised by {@link AccessPolicy} through {@link
 * RequestRules}. Stateless: no session, no cookie, hence no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  AccessPolicy accessPolicy() {
    return new AccessPolicy();
  }

  /** A token without an expiry would be valid for ever: refused, whoever issued it. */
  static final OAuth2TokenValidator<Jwt> EXPIRY_REQUIRED =
      new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull);

  /** Spring Boot adds it to the decoder of a configured identity provider too. */
  @Bean
  OAuth2TokenValidator<Jwt> expiryRequired() {
    return EXPIRY_REQUIRED;
  }

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      AccessPolicy policy,
      ObjectProvider<FlowRuntime> flows,
      ObjectProvider<vn.truc.platform.grant.GrantService> grants,
      SecurityProperties properties,
      ObjectMapper json)
      throws Exception {
    SecurityErrors errors = new SecurityErrors(json);
    RequestRules rules = new RequestRules(policy, flows, grants, properties.prometheusPublic());
    CallerClaims claims = properties.claims().reader();
    http.csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .authorizeHttpRequests(rules::apply)
        .oauth2ResourceServer(
            o ->
                o.jwt(j -> j.jwtAuthenticationConverter(authentication(claims)))
                    .authenticationEntryPoint(errors)
                    .accessDeniedHandler(errors))
        .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors));
    return http.build();
  }

  /**
   * Token to caller: each known role in the roles claim becomes {@code ROLE_<ROLE>} (e.g. {@code
   * agency-admin} → {@code ROLE_AGENCY_ADMIN}), the agency claim becomes {@code AGENCY_<code>}.
   */
  static Converter<Jwt, CallerAuthentication> authentication(CallerClaims claims) {
    return jwt -> {
      Caller caller = claims.caller(jwt.getSubject(), jwt.getClaims());
      List<GrantedAuthority> authorities = new ArrayList<>();
      caller.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
      if (caller.agency() != null) {
        authorities.add(new SimpleGrantedAuthority("AGENCY_" + caller.agency()));
      }
      return new CallerAuthentication(jwt, authorities, caller);
    };
  }
}
