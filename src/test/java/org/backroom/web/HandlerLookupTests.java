package org.backroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.uniqueName;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The handler lookup that passes over mappings by their paths' literal start ({@link HandlerLookup}) finds what
 * Spring MVC's own would: no mapping it passes over could have matched, for a path of every mapping of the
 * application, written plainly, with a letter percent-encoded, or with matrix variables.
 */
@BackroomTest
class HandlerLookupTests extends ApiTest {

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?[^}]*}|\\*\\*|\\*|\\?");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mapping;

	@Test
	void aMappingPassedOverByItsPathsStartCouldNotHaveMatchedAnyPathOfTheApplication() {
		assertThat(mapping).isInstanceOf(HandlerLookup.ByPathStart.class);
		Set<RequestMappingInfo> mappings = mapping.getHandlerMethods().keySet();
		List<String> paths = new ArrayList<>();
		for (RequestMappingInfo info : mappings) {
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				String path = concrete(pattern.getPatternString());
				paths.add(path);
				paths.add(firstLetterEncoded(path));
				paths.add(path.replaceFirst("^/([^/]+)", "/$1;v=1"));
			}
		}
		paths.addAll(List.of("/api", "/css", "/webjars", "/api/customers/1", "/api/%63ustomers/1/impact",
				"/api;x=1/customers;y=2/1/impact", "/"));
		int passedOver = 0;
		for (String path : paths) {
			PathContainer parsed = PathContainer.parsePath(path);
			String matchable = HandlerLookup.ByPathStart.matchable(parsed);
			for (RequestMappingInfo info : mappings) {
				String[] starts = HandlerLookup.ByPathStart.literalStarts(info);
				if (starts == null || HandlerLookup.ByPathStart.mayMatch(starts, matchable)) {
					continue;
				}
				passedOver++;
				for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
					assertThat(pattern.matches(parsed)).as("%s passed over for %s (read as %s), which it matches",
							pattern, path, matchable).isFalse();
				}
			}
		}
		assertThat(passedOver).as("mappings passed over: the lookup saves work").isGreaterThan(paths.size() * 100);
	}

	/**
	 * Through the live lookup over HTTP. The percent-encoded path reaches the lookup already decoded (a raw
	 * comparison of segments in {@code matchable} still passes here): the test above is the one that holds the
	 * decoding to account.
	 */
	@Test
	void overHttpARecordsPathFindsItsHandlerAndAWrongMethodOrPathIsRefusedAsBefore() {
		long id = customer(api, uniqueName("Looked up")).path("id").asLong();

		var plain = api.get("/api/customers/" + id + "/impact");
		assertThat(plain.status()).isEqualTo(200);
		var encoded = api.get("/api/%63ustomers/" + id + "/impact");
		assertThat(encoded.status()).isEqualTo(200);
		assertThat(encoded.json()).isEqualTo(plain.json());
		assertThat(api.delete("/api/customers/" + id + "/impact").status()).isEqualTo(405);
		assertThat(api.get("/api/customers/" + id + "/no-such-thing").status()).isEqualTo(404);
	}

	/** The path with its first letter percent-encoded, as a client may send it: {@code /%61pi/…}. */
	private static String firstLetterEncoded(String path) {
		Matcher letter = Pattern.compile("^/([a-z])").matcher(path);
		return letter.find() ? "/%" + Integer.toHexString(letter.group(1).charAt(0)) + path.substring(2) : path;
	}

	/** A path the pattern matches: each variable or wildcard replaced by a value. */
	private static String concrete(String pattern) {
		Matcher variable = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			String found = variable.group();
			variable.appendReplacement(path, found.startsWith("{*") || found.equals("**") ? "a/b" : "1");
		}
		variable.appendTail(path);
		return path.isEmpty() ? "/" : path.toString();
	}

}
