package org.coursebook.transform;

/** What the transforms know of addresses: whether a link out of the book names where it goes. */
public final class Links {
    private Links() {}

    /** Whether an http(s) address names a host, and a mailto: one somebody (RFC 3986, RFC 6068). */
    public static boolean addressed(String url) {
        return ResolveCrossReferences.addressed(url);
    }
}
