package it.sportello.infra.bench.http;

import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's knobs, as {@code name=value} arguments: {@code phase} (seconds a rate is confirmed, 20),
 * {@code step} (seconds of a ladder step, 8), {@code warmup} (5), {@code idle} (60), {@code extra} (Questure opened
 * besides the three demo ones, 97). A quick run: {@code infra/bench/http phase=5 step=3 warmup=2 idle=10 extra=7}.
 */
record Settings(double phaseSeconds, double stepSeconds, double warmupSeconds, int idleSeconds, int extraQuesture) {

	static Settings parse(String[] args) {
		Map<String, String> given = new HashMap<>();
		for (String arg : args) {
			for (String word : arg.strip().split("\\s+")) {
				if (word.isEmpty()) {
					continue;
				}
				String[] pair = word.split("=", 2);
				if (pair.length != 2) {
					throw new IllegalArgumentException("Arguments are name=value: " + word);
				}
				given.put(pair[0], pair[1]);
			}
		}
		Settings settings = new Settings(number(given, "phase", 20), number(given, "step", 8),
				number(given, "warmup", 5), (int) number(given, "idle", 60), (int) number(given, "extra", 97));
		if (!given.isEmpty()) {
			throw new IllegalArgumentException("Unknown arguments " + given.keySet());
		}
		return settings;
	}

	private static double number(Map<String, String> given, String name, double fallback) {
		String value = given.remove(name);
		return value == null ? fallback : Double.parseDouble(value);
	}
}
