package org.backroom.web;

import java.sql.SQLException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of an API request into {@code application/problem+json} with a stable {@code type}: named
 * refusals, bad input, unknown routes, and (without leaking anything) the unexpected.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
		ProblemDetail problem = Problems.of(refusal);
		var response = ResponseEntity.status(refusal.status());
		Object retryAfter = refusal.properties().get("retryAfterSeconds");
		if (retryAfter != null) {
			response.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
		}
		return response.body(problem);
	}

	/**
	 * A record path whose id is not a number ({@code /api/customers/abc}) names no record: 404, as an unknown
	 * number does. A query parameter of the wrong type is a validation problem that quotes what was sent, and
	 * never how Java sees it (a parameter given twice arrives as an array).
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
						"There is no record at " + request.getRequestURI() + "."));
		}
		return refusal(ValidationFailed.of(ex.getName(), ProblemWording.rejected(ex.getValue())));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
		log.info("Refused a duplicate value: {}", ex.getMostSpecificCause().getMessage());
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Problems.of(HttpStatus.CONFLICT, "duplicate", "Already exists",
					"Another record already uses one of these unique values; nothing was changed."));
	}

	/** A CHECK constraint refused a value: the rules in the schema are the last guard, and the input broke one. */
	private static final String CHECK_VIOLATION = "23514";

	/**
	 * PostgreSQL's "data exception" class (SQLSTATE 22…): a value it cannot store or compare, such as a NUL
	 * character in text or a number out of a column's range. The input was at fault, and nothing was written.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> dataException(DataIntegrityViolationException ex, HttpServletRequest request) {
		if (ex.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("22") || sql.getSQLState().equals(CHECK_VIOLATION))) {
			log.info("Refused a value the database cannot hold: {}", sql.getMessage());
			return refusal(new ValidationFailed(List.of(new ValidationFailed.FieldError("request",
					"holds a value that cannot be stored, such as a NUL character or a number out of range"))));
		}
		return unexpected(ex, request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		if (TryAgain.isTransient(ex)) {
			// A deadlock or serialization failure rolled the transaction back: 503 with Retry-After, never 500.
			log.info("Rolled back by contention: {}", ex.getMessage());
			TryAgain.mark(request);
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(TryAgain.RETRY_AFTER_SECONDS))
				.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "try-again", TryAgain.TITLE, TryAgain.DETAIL));
		}
		log.error("Unexpected failure", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong",
					"Backroom could not complete this request and changed nothing. The error is in the server log."));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ValidationFailed.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new ValidationFailed.FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList();
		return asObject(refusal(new ValidationFailed(errors)));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ValidationFailed.FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new ValidationFailed.FieldError(ProblemWording.parameterName(result),
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		return asObject(refusal(new ValidationFailed(errors)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return asObject(refusal(ValidationFailed.of(ProblemWording.path(mismatch), "has the wrong type or format")));
		}
		// Where, not what Jackson says: its messages name Java types and its own settings.
		String detail = ex.getCause() instanceof JacksonException json
				? "The body is not valid JSON" + ProblemWording.where(json) + "."
				: "The request body is missing or cannot be read.";
		return asObject(ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail)));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		String detail = ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException
				? "There is nothing at " + request.getDescription(false).replace("uri=", "") + "."
				: ProblemWording.detailFor(body);
		ProblemDetail problem = Problems.of(statusCode, slugFor(statusCode), ProblemWording.titleFor(statusCode, body),
				detail);
		return new ResponseEntity<>(problem, headers, statusCode);
	}

	static String slugFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "malformed-request";
			case 401 -> "unauthenticated";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-media-type";
			default -> status.is5xxServerError() ? "internal-error" : "malformed-request";
		};
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
		return (ResponseEntity) response;
	}

}
