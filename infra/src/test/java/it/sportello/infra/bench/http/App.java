package it.sportello.infra.bench.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The application as production runs it (docs/start-and-memory.md): the packaged jar extracted, with the JVM flags of
 * the README's start command, class data sharing (the first start writes the archive when it stops, the warm restart
 * maps it) and the embedded defaults, in its own JVM, so that its start time and memory are the real ones; only the
 * ports, the data directory, the extra Questure and the trusted proxy (the generator's many client addresses arrive
 * in X-Forwarded-For from 127.0.0.1) are given. {@code -Dbench.jvm="..."} replaces the flags.
 */
final class App implements AutoCloseable {

	private final Path jar;

	private final Path data;

	private final int extraQuesture;

	private final int httpPort = freePort();

	private final int databasePort = freePort();

	private final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private Process process;

	private int starts;

	/** The flags of the README's start command ({@code spring-boot.run.jvmArguments} in web/pom.xml). */
	static final String JVM_FLAGS = "-Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=256m -XX:+ExitOnOutOfMemoryError";

	private final Path archive;

	App(Path jar, Path data, int extraQuesture) throws IOException, InterruptedException {
		Path extracted = data.resolve("app");
		Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
				"--destination", extracted.toString()).inheritIO().start();
		if (extract.waitFor() != 0) {
			throw new IllegalStateException("Could not extract " + jar);
		}
		this.jar = extracted.resolve(jar.getFileName());
		this.archive = extracted.resolve("sportello.jsa");
		this.data = data;
		this.extraQuesture = extraQuesture;
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	String base() {
		return "http://127.0.0.1:" + httpPort;
	}

	int httpPort() {
		return httpPort;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres";
	}

	/** Starts the jar and returns the seconds until {@code /actuator/health/readiness} answers 200. */
	double start() throws IOException, InterruptedException {
		Path log = data.resolve("app-" + (++starts) + ".log");
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(List.of(System.getProperty("bench.jvm", JVM_FLAGS).split(" ")));
		// the first start records the classes it loaded when it stops; every later start maps them
		command.add(Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + httpPort,
				"--sportello.embedded-database.directory=" + data.resolve("postgres"),
				"--sportello.embedded-database.port=" + databasePort,
				"--sportello.demo.extra-questure=" + extraQuesture,
				"--sportello.rate-limits.trusted-proxies=127.0.0.1"));
		long started = System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		// as the README's start command runs it (web/pom.xml)
		builder.environment().put("MALLOC_ARENA_MAX", "2");
		process = builder.start();
		HttpRequest readiness = HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			// the start is what is measured: ask every 100 ms, and give up on a dead process or after 20 minutes
			Awaitility.await()
				.atMost(Duration.ofMinutes(20))
				.pollInterval(Duration.ofMillis(100))
				.failFast("The application stopped; see " + log, () -> !process.isAlive())
				.until(() -> ready(readiness));
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("The application was not ready within 20 minutes; see " + log, ex);
		}
		return (System.nanoTime() - started) / 1e9;
	}

	private boolean ready(HttpRequest readiness) throws InterruptedException {
		try {
			return probe.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException notYet) {
			return false; // not listening yet
		}
	}

	/** Stops the application as Ctrl+C would (SIGTERM), waiting for it to finish. */
	void stop() throws InterruptedException {
		if (process == null) {
			return;
		}
		process.destroy();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly().waitFor();
		}
		process = null;
	}

	/** The resident memory of the application's JVM, from {@code /proc/<pid>/status}. */
	long rssMegabytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
		}
		throw new IllegalStateException("No VmRSS for " + process.pid());
	}

	/** CPU seconds the application's JVM has used, from {@code /proc/<pid>/stat} (user and system, 100 ticks a second). */
	double cpuSeconds() throws IOException {
		return cpuSeconds(process.pid());
	}

	static double benchCpuSeconds() throws IOException {
		return cpuSeconds(ProcessHandle.current().pid());
	}

	private static double cpuSeconds(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
