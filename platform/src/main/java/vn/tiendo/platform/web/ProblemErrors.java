package vn.tiendo.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Every error answer is a problem document, also those no controller gives: Spring's {@code /error} (an unknown path,
 * a path the security firewall refuses, such as {@code /api/x/..;/y}) and Tomcat's own refusals before any servlet
 * runs (bad percent-encoding, an encoded slash or NUL), which would otherwise be Spring's JSON or Tomcat's HTML page.
 * The first are answered by {@link ProblemErrorController}, the second by the valve here.
 */
@Configuration
public class ProblemErrors {

    /** Tomcat's error report for requests it refuses itself, written as a problem document instead of an HTML page. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(ProblemDetails.json(ProblemDetails.forStatus(status)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client has gone or the response is already committed: nothing more can be said
            }
        }
    }

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        // the host is the context's parent by the time context customizers run; naming the valve's class stops Tomcat
        // from adding its own HTML report valve beside it
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve());
            }
        });
    }
}
