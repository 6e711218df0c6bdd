package org.backroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment sketches in {@code deploy/} parse, and wire what the README says: several instances, the database
 * variables Backroom reads, and health probes at the paths it answers. The image scripts (they need root and minutes,
 * so the build does not run them) are at least there, executable, and valid shell.
 */
class DeployFilesTests {

	private static final List<String> DATABASE_VARIABLES = List.of("BACKROOM_DB_URL", "BACKROOM_DB_USER",
			"BACKROOM_DB_PASSWORD", "BACKROOM_DB_REPLICA_URL");

	@Test
	@SuppressWarnings("unchecked")
	void theComposeFileRunsSeveralInstancesOnTheExternalDatabase() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("deploy/compose.yaml")));
		Map<String, Object> backroom = (Map<String, Object>) ((Map<String, Object>) compose.get("services"))
			.get("backroom");
		assertThat((Map<String, Object>) backroom.get("environment")).containsKeys(DATABASE_VARIABLES.toArray(String[]::new));
		assertThat((Integer) ((Map<String, Object>) backroom.get("deploy")).get("replicas")).isGreaterThan(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theKubernetesManifestsRunSeveralInstancesWithProbesBackroomAnswers() throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		new Yaml().loadAll(Files.readString(Path.of("deploy/kubernetes/backroom.yaml")))
			.forEach(document -> documents.add((Map<String, Object>) document));
		assertThat(documents).extracting(document -> document.get("kind"))
			.containsExactly("Secret", "Deployment", "Service", "PodDisruptionBudget");
		assertThat((Map<String, Object>) documents.get(0).get("stringData"))
			.containsKeys(DATABASE_VARIABLES.toArray(String[]::new));
		Map<String, Object> spec = (Map<String, Object>) documents.get(1).get("spec");
		assertThat((Integer) spec.get("replicas")).isGreaterThan(1);
		Map<String, Object> container = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) spec
			.get("template")).get("spec")).get("containers")).get(0);
		assertThat(((Map<String, Object>) ((Map<String, Object>) container.get("readinessProbe")).get("httpGet"))
			.get("path")).isEqualTo("/actuator/health/readiness");
		assertThat(((Map<String, Object>) ((Map<String, Object>) container.get("livenessProbe")).get("httpGet"))
			.get("path")).isEqualTo("/actuator/health/liveness");
	}

	@ParameterizedTest
	@ValueSource(strings = { "deploy/base-image/build.sh", "deploy/image-check.sh" })
	void theImageScriptsAreExecutableShellThatParses(String script) throws IOException, InterruptedException {
		Path path = Path.of(script);
		assertThat(path).isRegularFile();
		assertThat(Files.isExecutable(path)).as("%s is executable", script).isTrue();
		Process check = new ProcessBuilder("bash", "-n", script).redirectErrorStream(true).start();
		String output = new String(check.getInputStream().readAllBytes());
		assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(check.exitValue()).as("bash -n %s: %s", script, output).isZero();
	}

}
