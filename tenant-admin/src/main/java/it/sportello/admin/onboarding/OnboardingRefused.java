package it.sportello.admin.onboarding;

/**
 * An onboarding request that cannot be carried out as given. The code names a message in the interface bundles;
 * the arguments fill it.
 */
public class OnboardingRefused extends RuntimeException {

	private final String code;

	private final transient Object[] arguments;

	OnboardingRefused(String code, String message, Object... arguments) {
		super(message);
		this.code = code;
		this.arguments = arguments.clone();
	}

	public String getCode() {
		return code;
	}

	public Object[] getArguments() {
		return arguments.clone();
	}
}
