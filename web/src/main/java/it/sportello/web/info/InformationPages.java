package it.sportello.web.info;

import it.sportello.core.cache.ActiveQuesture;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages every footer links to, as the Designers Italia footer asks: the privacy notice people consent to, the
 * accessibility statement, the legal notes and the contacts.
 */
@Controller
@EnableConfigurationProperties(InformationPages.Support.class)
class InformationPages {

	private final ActiveQuesture questure;

	private final Support support;

	InformationPages(ActiveQuesture questure, Support support) {
		this.questure = questure;
		this.support = support;
	}

	@GetMapping("/privacy")
	String privacy() {
		return "info/privacy";
	}

	@GetMapping("/accessibility")
	String accessibility(Model model) {
		model.addAttribute("support", support);
		return "info/accessibility";
	}

	@GetMapping("/legal")
	String legal() {
		return "info/legal";
	}

	@GetMapping("/contacts")
	String contacts(Model model) {
		model.addAttribute("support", support);
		model.addAttribute("questure", questure.all());
		return "info/contacts";
	}

	/**
	 * Who answers for the site itself (sign-in, broken pages, accessibility reports); each Questura's own contacts are
	 * on its page.
	 * @param email the address shown on the contacts page and in the accessibility statement
	 */
	@ConfigurationProperties("sportello.support")
	record Support(@DefaultValue("assistenza@sportello.example") String email) {
	}
}
