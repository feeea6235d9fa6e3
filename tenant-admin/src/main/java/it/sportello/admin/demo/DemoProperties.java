package it.sportello.admin.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo of the embedded default.
 * @param extraQuestures how many Questure to open on the first start besides Genova, Bergamo and Roma, each with the
 * national catalogue and its default hours (the HTTP benchmark opens 97, for 100 in all); none by default
 */
@ConfigurationProperties("sportello.demo")
record DemoProperties(@DefaultValue("0") int extraQuesture) {
}
