package org.vigil.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}: every API call authenticates with a personal API token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI vigilOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Vigil REST API").version("v1")
                        .description("Medical-device vigilance and post-market surveillance. Authenticate with a "
                                + "personal API token (Account > API tokens) as 'Authorization: Bearer <token>'. "
                                + "Errors are application/problem+json (RFC 9457). Creating requests honour an "
                                + "Idempotency-Key header.")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components().addSecuritySchemes("personalApiToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("A personal API token")))
                .addSecurityItem(new SecurityRequirement().addList("personalApiToken"));
    }
}
