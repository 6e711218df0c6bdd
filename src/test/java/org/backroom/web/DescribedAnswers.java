package org.backroom.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the committed API description says each operation may answer: its status codes and their media types. */
final class DescribedAnswers {

	/** One answer a client got. */
	record Answer(String method, String path, int status, String contentType) {
	}

	private final JsonNode paths;

	private DescribedAnswers(JsonNode description) {
		this.paths = description.path("paths");
	}

	static DescribedAnswers committed() throws IOException {
		return new DescribedAnswers(JsonMapper.builder().build().readTree(ApiDescriptionTests.COMMITTED.toFile()));
	}

	/** The answers the description does not give, each with why. */
	List<String> undescribed(List<Answer> answers) {
		List<String> wrong = new ArrayList<>();
		for (Answer answer : answers) {
			JsonNode operation = operation(answer);
			JsonNode response = operation == null ? null : operation.path("responses").get(String.valueOf(answer.status()));
			if (operation == null) {
				wrong.add(answer + ": no such operation in the description");
			}
			else if (response == null) {
				wrong.add(answer + ": the description gives no " + answer.status() + " for "
						+ operation.path("operationId").asString());
			}
			else if (!answer.contentType().isEmpty() && response.path("content").isObject()
					&& response.path("content").propertyNames().stream().noneMatch(type -> matches(type, answer.contentType()))) {
				wrong.add(answer + ": described as " + response.path("content").propertyNames());
			}
		}
		return wrong;
	}

	private JsonNode operation(Answer answer) {
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			if (Pattern.matches(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"), answer.path())) {
				JsonNode operation = path.getValue().get(answer.method().toLowerCase());
				if (operation != null) {
					return operation;
				}
			}
		}
		return null;
	}

	private static boolean matches(String described, String actual) {
		return described.equals("*/*") || actual.startsWith(described);
	}

}
