package cnibench.template;

import cnibench.python.PyRepr;

/**
 * password_hash: SHA-crypt hashes as Ansible makes them with passlib (whose default rounds are
 * written into the hash); other hash types are refused by name.
 */
final class PasswordFilters {
    private PasswordFilters() {
    }

    static void register(FilterCatalog c) {
        c.add("password_hash", (v, a) -> {
            String type = a.string(0, "hashtype", "sha512");
            boolean sha512 = type.equals("sha512") || type.equals("sha512_crypt");
            if (!sha512 && !type.equals("sha256") && !type.equals("sha256_crypt")) {
                throw new TemplateError("password_hash: cnibench supports the hash types sha512 and sha256, not " + type);
            }
            String salt = a.string(1, "salt", null);
            Object rounds = a.get(3, "rounds");
            int n = rounds == null ? (sha512 ? 656_000 : 535_000) : ((Number) CoreFilters.toInt(rounds, 0, 10)).intValue();
            return ShaCrypt.hash(PyRepr.str(v), salt == null ? ShaCrypt.randomSalt() : salt, n, sha512);
        });
    }
}
