package org.backroom.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Content negotiation before the handler runs: a change through the API answers JSON (or a problem detail), so a
 * client whose {@code Accept} takes neither is refused with 406 before anything is written. Left to the message
 * converters, the refusal would come only after the handler had done its work.
 */
@Configuration(proxyBeanMethods = false)
class JsonAnswersOnly implements WebMvcConfigurer, HandlerInterceptor {

	private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

	private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON,
			MediaType.APPLICATION_PROBLEM_JSON);

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws HttpMediaTypeNotAcceptableException {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (!MUTATING.contains(request.getMethod()) || accept == null || accept.isBlank()) {
			return true;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			throw new HttpMediaTypeNotAcceptableException("Could not parse the Accept header: " + ex.getMessage());
		}
		boolean json = accepted.stream()
			.filter(type -> type.getQualityValue() > 0)
			.anyMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith));
		if (!json) {
			throw new HttpMediaTypeNotAcceptableException(ANSWERS);
		}
		return true;
	}

}
