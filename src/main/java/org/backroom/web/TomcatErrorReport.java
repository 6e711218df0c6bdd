package org.backroom.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Errors Tomcat raises before Spring sees the request (an encoded slash, a request line or header too large, a URI
 * it cannot parse) are answered by Backroom, not by Tomcat's own HTML page: a problem detail for {@code /api}
 * (and for a client that does not ask for HTML), a plain Backroom page otherwise. Never a stack trace, never the
 * server's name.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorReport {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> backroomErrorReport() {
		return new WebServerFactoryCustomizer<>() {

			@Override
			public void customize(TomcatServletWebServerFactory factory) {
				factory.addContextCustomizers(context -> {
					StandardHost host = (StandardHost) context.getParent();
					// Boot adds Tomcat's valve for server.error.include-stacktrace=never; ours takes its place.
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve && !(valve instanceof Report)) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.setErrorReportValveClass(Report.class.getName());
					host.getPipeline().addValve(new Report());
				});
			}

		};
	}

	/** Writes Backroom's answer for an error nobody else answered. Public: Tomcat may make one by its name. */
	public static class Report extends ErrorReportValve {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		public Report() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, @Nullable Throwable throwable) {
			int code = response.getStatus();
			if (code < 400 || response.getContentWritten() > 0 || !ioAllowed(response)) {
				return;
			}
			HttpStatusCode status = HttpStatusCode.valueOf(code);
			try {
				boolean problem = wantsProblem(request);
				response.setContentType(problem ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(problem ? problem(status) : page(status));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone or the answer is under way: nothing more can be said.
			}
		}

		private static boolean ioAllowed(Response response) {
			AtomicBoolean allowed = new AtomicBoolean();
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
			return allowed.get();
		}

		/**
		 * An API path, or a request line too broken to tell what was asked: a problem detail. Any other path gets
		 * the page, unless its client said it wants something else than HTML.
		 */
		private static boolean wantsProblem(Request request) {
			String uri = request.getCoyoteRequest().requestURI().toString();
			if (uri == null || uri.isEmpty() || uri.startsWith("/api/") || uri.equals("/api")) {
				return true;
			}
			String accept = request.getCoyoteRequest().getHeader("Accept");
			return accept != null && !accept.toLowerCase(Locale.ROOT).contains("text/html");
		}

		private static String problem(HttpStatusCode status) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", Problems.type(ProblemAdvice.slugFor(status)).toString());
			body.put("title", title(status));
			body.put("status", status.value());
			body.put("detail", detail(status));
			return JSON.writeValueAsString(body);
		}

		private static String page(HttpStatusCode status) {
			return """
					<!doctype html>
					<html lang="en"><head><meta charset="utf-8"><title>%1$s · Backroom</title></head>
					<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
					<p>Backroom</p><h1>%1$s</h1><p>%2$s</p><p><a href="/">Go to the start page</a></p>
					</body></html>
					""".formatted(title(status), detail(status));
		}

		private static String title(HttpStatusCode status) {
			HttpStatus known = HttpStatus.resolve(status.value());
			return known != null ? known.getReasonPhrase() : "Error";
		}

		private static String detail(HttpStatusCode status) {
			if (status.is5xxServerError()) {
				return "Backroom could not complete this request and changed nothing. The error is in the server log.";
			}
			return "Backroom could not read the request: its address, a %-escape in it, or a header is malformed or too "
					+ "long. Nothing was changed.";
		}

	}

}
