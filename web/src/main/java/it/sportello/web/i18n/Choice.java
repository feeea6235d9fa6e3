package it.sportello.web.i18n;

/** An option of a select: the value sent and the text shown in the page's language. */
public record Choice(String code, String name) {
}
