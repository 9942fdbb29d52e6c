package org.clinwiki.cli;

import java.util.List;
import java.util.Locale;
import org.clinwiki.Config;

/** The {@code --image-hosts} list: host names, checked, lower-cased, blanks dropped. */
final class ImageHosts {

    private ImageHosts() {
    }

    static List<String> parse(List<String> given) {
        if (given == null) {
            return List.of();
        }
        List<String> hosts = given.stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty()).toList();
        for (String host : hosts) {
            if (!Config.isImageHost(host)) {
                throw new CommandFailedException("--image-hosts: \"" + host + "\" is not a host name (such as images.example.org).");
            }
        }
        return hosts;
    }
}
