package org.backroom.web;

import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's handler without asking every mapping of the application. Spring MVC looks a path with a
 * variable in it ({@code /api/customers/{id}/impact}) up by trying each of the two hundred mappings in turn, each
 * checking the request's method, headers and media types before its path: on the 1m benchmark store that was 15%
 * of the CPU of an impact preview's request thread ({@code DispatcherServlet#getHandler}, async-profiler). Here a
 * mapping whose every path pattern begins with text that the request's path does not begin with is passed over
 * before those checks: no path it has can match. The text is each pattern's literal start, up to the separator
 * before its first variable or wildcard, compared with the path as the patterns see it (decoded, without matrix variables); a mapping with a
 * pattern that could be read another way (a case-insensitive parser, a {@code %} in its text, no path patterns) is
 * asked as before. The answer is the same either way (same handler, same 404, 405 or 415: those come from all the
 * mappings, in {@code handleNoMatch}); {@code HandlerLookupTests} asks for both.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

	@Bean
	WebMvcRegistrations handlerLookupByPathStart() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new ByPathStart();
			}

		};
	}

	/** The request mapping of Spring MVC, passing over the mappings whose paths cannot begin as the request's does. */
	static final class ByPathStart extends RequestMappingHandlerMapping {

		/** The request's path while it is looked up, as the patterns match it. */
		private static final ThreadLocal<@Nullable String> PATH = new ThreadLocal<>();

		/**
		 * Each mapping's literal starts, one per path pattern; a mapping without is always asked. By identity, copied
		 * on each registration (at startup): a lookup reads it for each of two hundred mappings.
		 */
		private volatile Map<RequestMappingInfo, String[]> starts = new IdentityHashMap<>();

		@Override
		protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
			super.registerHandlerMethod(handler, method, mapping);
			remember(mapping);
		}

		@Override
		public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
			super.registerMapping(mapping, handler, method);
			remember(mapping);
		}

		@Override
		public void unregisterMapping(RequestMappingInfo mapping) {
			change(copy -> copy.remove(mapping));
			super.unregisterMapping(mapping);
		}

		private void remember(RequestMappingInfo mapping) {
			String[] literal = literalStarts(mapping);
			if (literal != null && getPatternParser() != null && getPatternParser().isCaseSensitive()) {
				change(copy -> copy.put(mapping, literal));
			}
		}

		private synchronized void change(Consumer<Map<RequestMappingInfo, String[]>> change) {
			Map<RequestMappingInfo, String[]> copy = new IdentityHashMap<>(starts);
			change.accept(copy);
			starts = copy;
		}

		@Override
		protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
				throws Exception {
			String outer = PATH.get();
			PATH.set(matchable(request));
			try {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			finally {
				if (outer == null) {
					PATH.remove();
				}
				else {
					PATH.set(outer);
				}
			}
		}

		@Override
		protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			String path = PATH.get();
			String[] literal = path == null ? null : starts.get(info);
			if (literal != null && !mayMatch(literal, path)) {
				return null;
			}
			return super.getMatchingMapping(info, request);
		}

		/**
		 * The literal start of each of the mapping's path patterns (its whole text, or up to the separator before its
		 * first variable or wildcard); null when one of them has none that can be compared as text.
		 */
		static String @Nullable [] literalStarts(RequestMappingInfo mapping) {
			PathPatternsRequestCondition condition = mapping.getPathPatternsCondition();
			if (condition == null || condition.getPatterns().isEmpty()) {
				return null;
			}
			String[] starts = new String[condition.getPatterns().size()];
			int i = 0;
			for (PathPattern pattern : condition.getPatterns()) {
				String text = pattern.getPatternString();
				if (text.indexOf('%') >= 0 || text.indexOf(';') >= 0) {
					return null;
				}
				int special = text.length();
				for (char wildcard : new char[] { '{', '*', '?' }) {
					int at = text.indexOf(wildcard);
					if (at >= 0 && at < special) {
						special = at;
					}
				}
				// Up to the separator before it: "/api/**" and "/files/{*path}" match "/api" and "/files" too.
				String start = special == text.length() ? text
						: text.substring(0, Math.max(0, text.lastIndexOf('/', special - 1)));
				// One instance of each start, shared by the mappings under it, stays in the processor's cache.
				starts[i++] = start.intern();
			}
			return starts;
		}

		/** The request's path within the application as path patterns match it; null before it is parsed. */
		private static @Nullable String matchable(HttpServletRequest request) {
			if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
				return null;
			}
			RequestPath path = ServletRequestPathUtils.getParsedRequestPath(request);
			return matchable(path.pathWithinApplication());
		}

		/** A path as path patterns match it: each segment decoded, without its matrix variables. */
		static String matchable(PathContainer path) {
			StringBuilder text = new StringBuilder(64);
			for (PathContainer.Element element : path.elements()) {
				text.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch()
						: element.value());
			}
			return text.toString();
		}

		/** Whether a mapping with these literal starts may match the path (as {@link #matchable} gives it). */
		static boolean mayMatch(String[] starts, String path) {
			for (String start : starts) {
				if (path.startsWith(start)) {
					return true;
				}
			}
			return false;
		}

	}

}
