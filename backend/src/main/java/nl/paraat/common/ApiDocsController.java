package nl.paraat.common;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** A browsable view of {@code openapi/openapi.yaml}, served with Swagger UI from its webjar. */
@Controller("/api-docs")
@Secured(SecurityRule.IS_ANONYMOUS)
class ApiDocsController {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Paraat API</title>
              <link rel="stylesheet" href="/api-docs/assets/swagger-ui.css">
            </head>
            <body>
              <div id="api"></div>
              <script src="/api-docs/assets/swagger-ui-bundle.js"></script>
              <script>SwaggerUIBundle({url: '/openapi/openapi.yaml', dom_id: '#api'});</script>
            </body>
            </html>
            """;

    @Get
    @Produces(MediaType.TEXT_HTML)
    String page() {
        return PAGE;
    }
}
