package vn.truc.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description says that every call wants a bearer token, so generated clients send it. */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

  static final String SCHEME = "bearer-jwt";

  @Bean
  OpenApiCustomizer bearerTokens() {
    return api -> {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      api.getComponents()
          .addSecuritySchemes(
              SCHEME,
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("bearer")
                  .bearerFormat("JWT")
                  .description(
                      "An OAuth2 access token with the claims sub, agency and roles: see"
                          + " docs/security.md"));
      api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
    };
  }
}
