package org.backroom.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Blanks a person's data in an entry's text: each of their values where it stands as a whole (not inside a longer
 * word, so erasing "Ann Lee" leaves "Ann Leeds" alone), case-insensitively, and every value of their personal keys.
 */
final class Scrubber {

	static final String BLANK = "[erased]";

	/** Values shorter than this are blanked only where the person's own entries have them, never searched for. */
	private static final int SEARCHED_LENGTH = 3;

	private final List<Pattern> patterns = new ArrayList<>();

	private final List<String> searched = new ArrayList<>();

	private final Set<String> keys;

	Scrubber(Collection<String> values, Set<String> keys) {
		this.keys = keys;
		values.stream()
			.filter(value -> value != null && !value.isBlank())
			.map(String::strip)
			.distinct()
			// Longest first, so that "Ann Lee" is blanked whole before "Ann" could be.
			.sorted((a, b) -> Integer.compare(b.length(), a.length()))
			.peek(value -> {
				if (value.length() >= SEARCHED_LENGTH) {
					searched.add("%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
				}
			})
			.forEach(value -> patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value)
					+ "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
	}

	/** ILIKE patterns that find every entry quoting one of the values (a superset of what is blanked). */
	List<String> searchPatterns() {
		return List.copyOf(searched);
	}

	@Nullable String text(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String result = text;
		for (Pattern pattern : patterns) {
			result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(BLANK));
		}
		return result;
	}

	/** The JSON with every string scrubbed, and, when {@code wholeKeys}, every value under a personal key blanked. */
	JsonNode json(JsonNode node, boolean wholeKeys) {
		if (node.isString()) {
			return JsonNodeFactory.instance.stringNode(text(node.asString()));
		}
		if (node.isArray()) {
			ArrayNode array = JsonNodeFactory.instance.arrayNode();
			node.forEach(element -> array.add(json(element, wholeKeys)));
			return array;
		}
		if (node.isObject()) {
			ObjectNode object = JsonNodeFactory.instance.objectNode();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				boolean personal = wholeKeys && keys.contains(field.getKey());
				object.set(field.getKey(), personal ? blanked(field.getValue()) : json(field.getValue(), wholeKeys));
			}
			return object;
		}
		return node;
	}

	/** A personal value, or a {@code {"from", "to"}} pair of them: its strings become the blank, nulls stay. */
	private static JsonNode blanked(JsonNode node) {
		if (node.isObject()) {
			ObjectNode object = JsonNodeFactory.instance.objectNode();
			node.properties().forEach(field -> object.set(field.getKey(), blanked(field.getValue())));
			return object;
		}
		return node.isNull() || node.isMissingNode() ? node : JsonNodeFactory.instance.stringNode(BLANK);
	}

}
