package io.eventgate.infra.provision;

/** A {@link Resource} whose kind and name are fixed when it is made, as every resource of a topology's is. */
public abstract class NamedResource implements Resource {

    private final String kind;
    private final String name;

    protected NamedResource(String kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final String name() {
        return name;
    }
}
