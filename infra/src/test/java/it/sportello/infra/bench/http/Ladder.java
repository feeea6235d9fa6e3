package it.sportello.infra.bench.http;

import java.io.IOException;
import java.util.function.LongFunction;

import it.sportello.infra.bench.http.OpenLoad.Call;
import it.sportello.infra.bench.http.OpenLoad.Result;

/**
 * Finds the highest offered rate a kind of request holds (p99 under 300 ms, no errors, under 1% 429): after a warm-up,
 * short steps doubling the rate until one fails, two bisections between the last held and the first failed, then the
 * best rate confirmed over a whole phase (stepping down by a fifth while the confirmation fails).
 */
final class Ladder {

	private final OpenLoad load;

	private final Settings settings;

	Ladder(OpenLoad load, Settings settings) {
		this.load = load;
		this.settings = settings;
	}

	/** The rate held over a whole phase, and that phase's figures; rate 0 when not even the lowest step held. */
	record Found(double rate, Result result) {
	}

	Found climb(String name, double startRate, double maxRate, LongFunction<Call> calls) throws IOException {
		// the warm-up at half the first step, so that a cold JVM is not overloaded before it is measured
		load.run(name + "-warmup", startRate / 2, settings.warmupSeconds(), calls).print();
		double held = 0;
		double failed = Double.MAX_VALUE;
		for (double rate = startRate; rate <= maxRate; rate *= 2) {
			if (step(name, rate, calls)) {
				held = rate;
			}
			else {
				failed = rate;
				break;
			}
		}
		if (held == 0) {
			// not even the first step: halve down to a floor
			for (double rate = startRate / 2; rate >= startRate / 8 && held == 0; rate /= 2) {
				if (step(name, rate, calls)) {
					held = rate;
				}
				else {
					failed = rate;
				}
			}
			if (held == 0) {
				return new Found(0, load.run(name, startRate / 8, settings.phaseSeconds(), calls));
			}
		}
		for (int i = 0; i < 2 && failed < Double.MAX_VALUE; i++) {
			double middle = Math.round((held + failed) / 2);
			if (step(name, middle, calls)) {
				held = middle;
			}
			else {
				failed = middle;
			}
		}
		Result last = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			last = load.run(name + "-confirm", held, settings.phaseSeconds(), calls);
			last.print();
			if (last.held()) {
				return new Found(held, last);
			}
			settle();
			held = Math.round(held * 0.8);
		}
		return new Found(0, last);
	}

	private boolean step(String name, double rate, LongFunction<Call> calls) throws IOException {
		Result result = load.run(name + "-step", rate, settings.stepSeconds(), calls);
		result.print();
		if (!result.held()) {
			settle();
		}
		return result.held();
	}

	/** After an overload the server still works off its queue: give it a moment before the next step. */
	private static void settle() {
		try {
			Thread.sleep(2_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
