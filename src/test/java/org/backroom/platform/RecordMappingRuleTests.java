package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No query reads rows into a record through {@code JdbcClient.query(Record.class)}, whose mapper costs an exception
 * for every camelCase component of every row: they go through {@link RecordRows}. Single values ({@code Long.class},
 * {@code String.class}, …) are read by another mapper and stay as they are.
 */
class RecordMappingRuleTests {

	private static final Pattern QUERY_OF_CLASS = Pattern.compile("\\.query\\(\\s*([A-Z][\\w.]*)\\.class\\s*\\)");

	private static final Set<String> SINGLE_VALUES = Set.of("String", "Long", "Integer", "Short", "Boolean", "Double",
			"BigDecimal", "Instant", "OffsetDateTime", "LocalDate", "UUID");

	@Test
	void everyRecordIsReadThroughRecordRows() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
				Matcher query = QUERY_OF_CLASS.matcher(Files.readString(source));
				while (query.find()) {
					if (!SINGLE_VALUES.contains(query.group(1)) && !source.endsWith("RecordRows.java")) {
						found.add(source + ": " + query.group());
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

}
