package it.sportello.web.association;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import it.sportello.core.association.Association;

/**
 * On an {@link Association} handler parameter: the signed-in member must also be one of the association's admins,
 * else the answer is 403. {@code String checkout(@AsAdmin Association association, ...)}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AsAdmin {
}
