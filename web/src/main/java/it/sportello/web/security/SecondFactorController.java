package it.sportello.web.security;

import java.util.List;
import java.util.Optional;

import it.sportello.core.account.SecondFactorSignIn;
import it.sportello.core.account.SecondFactorSignIn.Outcome;
import it.sportello.web.qr.QrCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a local sign-in: a code of the authenticator app (or a recovery code); the first time, the
 * enrolment of the app through a QR code, confirmed by its first code, and the recovery codes shown once.
 */
@Controller
@Profile("!keycloak")
class SecondFactorController {

	private final SecondFactorSignIn secondFactor;

	private final SecondFactorRule rule;

	SecondFactorController(SecondFactorSignIn secondFactor, SecondFactorRule rule) {
		this.secondFactor = secondFactor;
		this.rule = rule;
	}

	@GetMapping(SecondFactorRule.STEP)
	String codeForm(Authentication authentication) {
		Optional<Long> owing = owing(authentication);
		if (owing.isEmpty()) {
			return "redirect:/me";
		}
		return secondFactor.isEnrolled(owing.get()) ? "account/second-factor" : "redirect:" + SecondFactorRule.STEP + "/enrol";
	}

	@PostMapping(SecondFactorRule.STEP)
	String code(@RequestParam(defaultValue = "") String code, Authentication authentication, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<Long> owing = owing(authentication);
		if (owing.isEmpty()) {
			return "redirect:/me";
		}
		if (!secondFactor.isEnrolled(owing.get())) {
			return "redirect:" + SecondFactorRule.STEP + "/enrol";
		}
		if (code.isBlank()) {
			// nothing typed is not a wrong code: it counts toward no lock
			model.addAttribute("codeError", "secondFactor.error.empty");
			response.setStatus(422);
			return "account/second-factor";
		}
		Outcome outcome = secondFactor.verify(owing.get(), code);
		if (outcome != Outcome.ACCEPTED) {
			model.addAttribute("codeError", "secondFactor.error." + outcome.name().toLowerCase());
			response.setStatus(outcome == Outcome.LOCKED ? 429 : 422);
			return "account/second-factor";
		}
		return "redirect:" + rule.complete(request, response);
	}

	@GetMapping(SecondFactorRule.STEP + "/enrol")
	String enrolForm(Authentication authentication, Model model) {
		Optional<Long> owing = owing(authentication);
		if (owing.isEmpty()) {
			return "redirect:/me";
		}
		if (secondFactor.isEnrolled(owing.get())) {
			return "redirect:" + SecondFactorRule.STEP;
		}
		model.addAttribute("secret", spaced(secondFactor.enrolment(owing.get()).secret()));
		return "account/second-factor-enrol";
	}

	@GetMapping(SecondFactorRule.STEP + "/qr.png")
	ResponseEntity<byte[]> qrCode(Authentication authentication) {
		Optional<Long> owing = owing(authentication);
		if (owing.isEmpty() || secondFactor.isEnrolled(owing.get())) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.body(QrCode.png(secondFactor.enrolment(owing.get()).otpauthUri()));
	}

	@PostMapping(SecondFactorRule.STEP + "/enrol")
	String enrol(@RequestParam(defaultValue = "") String code, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<Long> owing = owing(authentication);
		if (owing.isEmpty()) {
			return "redirect:/me";
		}
		if (secondFactor.isEnrolled(owing.get())) {
			return "redirect:" + SecondFactorRule.STEP;
		}
		Optional<List<String>> recoveryCodes = code.isBlank() ? Optional.empty() : secondFactor.confirm(owing.get(), code);
		if (recoveryCodes.isEmpty()) {
			model.addAttribute("secret", spaced(secondFactor.enrolment(owing.get()).secret()));
			model.addAttribute("codeError", code.isBlank() ? "secondFactor.error.empty" : "secondFactor.error.wrong");
			response.setStatus(422);
			return "account/second-factor-enrol";
		}
		// shown once, on this answer: they are kept only as hashes
		model.addAttribute("recoveryCodes", recoveryCodes.get());
		model.addAttribute("next", rule.complete(request, response));
		return "account/second-factor-recovery";
	}

	/** The account that still owes its second factor, if the signed-in person does. */
	private static Optional<Long> owing(Authentication authentication) {
		return SecondFactorRule.owed(authentication)
				? Optional.of(((SportelloPrincipal) authentication.getPrincipal()).getAccountId()) : Optional.empty();
	}

	/** The secret in groups of four, as people copy it into an app by hand. */
	private static String spaced(String secret) {
		return secret.replaceAll("(.{4})(?!$)", "$1 ");
	}
}
