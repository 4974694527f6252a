package dev.iapcloudrun.plugin.toy;

import dev.iapcloudrun.plugin.ComponentPlugin;

/** Serves the toy components as the plugin serves the real ones; the harness starts it from the test classes. */
public final class ToyPlugin {

    private ToyPlugin() {}

    public static void main(String[] args) throws Exception {
        ComponentPlugin.serve(ToyPlugin.class.getPackage(), args);
    }
}
