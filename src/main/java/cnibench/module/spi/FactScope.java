package cnibench.module.spi;

/** Where the variables a module returns land, which decides their precedence and lifetime. */
public enum FactScope {
    /** Host facts (setup, package_facts, getent): ansible_facts, and variables by their ansible_ names. */
    HOST_FACTS,
    /** set_fact: the host's variables for the rest of the run. */
    SET_FACT,
    /** set_fact with cacheable: the host's variables and its facts as well. */
    CACHEABLE_SET_FACT,
    /** include_vars: Ansible's vars cache, below set_fact in precedence. */
    INCLUDED_VARS
}
