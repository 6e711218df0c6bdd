package org.backroom.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.uniqueName;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A file that cannot be imported as a whole gets one clear problem naming what is wrong (and where), and leaves no
 * record and no preview behind.
 */
@BackroomTest
class ImportFileRefusalTests extends ApiTest {

	private static final String HEADER = "code,name,email,phone,address,taxNumber,notes,creditAllowed,creditLimit\n";

	private static final int FIFTY_MB = 50 * 1024 * 1024;

	private Uploads uploads;

	private String name;

	@BeforeEach
	void uploads() {
		uploads = new Uploads(port(), ownerAuthorization(), api);
		name = uniqueName("Refused");
	}

	@Test
	void aFileThatIsNotUtf8IsRefusedNamingTheLine() {
		byte[] latin1 = (HEADER + "," + name + ",,,,,,,\n,Café Müller,,,,,,,\n").getBytes(StandardCharsets.ISO_8859_1);
		JsonNode problem = refused(uploads.preview("customers", latin1), 400, "csv-encoding");
		assertThat(problem.path("line").asInt()).isEqualTo(3);
		assertThat(problem.path("detail").asString()).contains("CSV UTF-8");
	}

	@Test
	void aFileWithoutItsHeaderRowIsRefused() {
		JsonNode problem = refused(uploads.preview("customers", "," + name + ",,,,,,,\n"), 400, "csv-header");
		assertThat(problem.path("missingColumns").size()).isEqualTo(9);
	}

	@Test
	void anUnknownOrMissingColumnIsNamed() {
		String csv = "code,name,email,phone,address,taxNumber,notes,creditAllowed,credit\n," + name + ",,,,,,,\n";
		JsonNode problem = refused(uploads.preview("customers", csv), 400, "csv-header");
		assertThat(problem.path("missingColumns").get(0).asString()).isEqualTo("creditLimit");
		assertThat(problem.path("unknownColumns").get(0).asString()).isEqualTo("credit");
	}

	@Test
	void aQuoteLeftOpenIsRefusedNamingTheLineItOpensOn() {
		String csv = HEADER + "," + name + ",,,,,,,\n,\"" + name + " open,,,,,,,\n,Third,,,,,,,\n";
		JsonNode problem = refused(uploads.preview("customers", csv), 400, "csv-quote");
		assertThat(problem.path("line").asInt()).isEqualTo(3);
	}

	@Test
	void anEmptyFileOrAHeaderAloneIsRefused() {
		refused(uploads.preview("customers", new byte[0]), 400, "csv-empty");
		refused(uploads.preview("items", "\n\n"), 400, "csv-empty");
		refused(uploads.preview("customers", HEADER), 400, "csv-empty");
	}

	@Test
	void aFileOverFiftyMegabytesIsRefusedBeforeItIsRead() throws IOException {
		String head = "POST /api/customers/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ownerAuthorization()
				+ "\r\nContent-Type: text/csv\r\nContent-Length: " + (FIFTY_MB + 1) + "\r\n\r\n" + HEADER;
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.UTF_8));
			out.flush();
			String answer = readUntil(socket.getInputStream(), "payload-too-large");
			assertThat(answer).startsWith("HTTP/1.1 413");
			assertThat(answer).contains("application/problem+json").contains("urn:backroom:problem:payload-too-large");
		}
	}

	@Test
	void aStreamedFileThatRunsPastFiftyMegabytesIsRefusedToo() throws Exception {
		byte[] row = ("," + name + ",,,,,,,\n").getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream file = new ByteArrayOutputStream(FIFTY_MB + 1024);
		file.write(HEADER.getBytes(StandardCharsets.UTF_8));
		while (file.size() <= FIFTY_MB) {
			file.write(row);
		}
		byte[] bytes = file.toByteArray();
		// No Content-Length: chunked, so only counting the bytes can tell.
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/api/customers/import"))
			.header("Authorization", ownerAuthorization())
			.header("Content-Type", "text/csv")
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(bytes)))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		refused(new Api.Response(response.statusCode(), response.headers().map(), response.body()), 413,
				"payload-too-large");
		Arrays.fill(bytes, (byte) 0);
	}

	/** The answer so far: the server answers without reading the body, and keeps the connection for a while. */
	private static String readUntil(InputStream in, String expected) throws IOException {
		StringBuilder answer = new StringBuilder();
		byte[] buffer = new byte[8192];
		for (int n; !answer.toString().contains(expected) && (n = in.read(buffer)) > 0;) {
			answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
		}
		return answer.toString();
	}

	private JsonNode refused(Api.Response response, int status, String slug) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.problemType()).isEqualTo(slug);
		assertThat(api.get("/api/customers?q=" + Api.encode(name)).json().path("items").size()).isZero();
		return response.json();
	}

}
