package cnibench.module.core;

import cnibench.module.spi.OrderedFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ansible's Linux cpu and memory facts from /proc/cpuinfo and /proc/meminfo. Keys are without the ansible_ prefix. */
final class HardwareFacts {
    private HardwareFacts() {
    }

    static Map<String, Object> collect(Map<String, String> probe) {
        Map<String, Object> facts = new LinkedHashMap<>();
        cpu(probe.getOrDefault("cpuinfo", ""), probe.getOrDefault("nproc", "").strip(), facts);
        memory(probe.getOrDefault("meminfo", ""), facts);
        String uptime = probe.getOrDefault("uptime", "").strip();
        if (!uptime.isEmpty()) {
            facts.put("uptime_seconds", (int) Double.parseDouble(uptime.split("\\s+")[0]));
        }
        String[] load = probe.getOrDefault("loadavg", "").strip().split("\\s+");
        if (load.length >= 3) {
            facts.put("loadavg", Map.of("1m", Double.parseDouble(load[0]), "5m", Double.parseDouble(load[1]),
                    "15m", Double.parseDouble(load[2])));
        }
        return facts;
    }

    private static void cpu(String cpuinfo, String nproc, Map<String, Object> facts) {
        List<Object> processor = new ArrayList<>();
        Map<String, Integer> sockets = new LinkedHashMap<>();
        Map<String, Integer> cores = new LinkedHashMap<>();
        String physicalId = "0";
        String coreId = "0";
        int processors = 0;
        for (String line : PlatformFacts.lines(cpuinfo)) {
            String[] kv = line.split(":", 2);
            String key = kv[0].strip();
            String value = kv.length > 1 ? kv[1].strip() : "";
            switch (key) {
                case "processor", "vendor_id", "model name" -> {
                    processor.add(value);
                    if (key.equals("processor")) {
                        processors++;
                    }
                }
                case "physical id" -> {
                    physicalId = value;
                    sockets.putIfAbsent(value, 1);
                }
                case "core id" -> {
                    coreId = value;
                    cores.putIfAbsent(value, 1);
                }
                case "cpu cores" -> sockets.put(physicalId, Integer.parseInt(value));
                case "siblings" -> cores.put(coreId, Integer.parseInt(value));
                default -> {
                }
            }
        }
        facts.put("processor", processor);
        int count = sockets.isEmpty() ? processors : sockets.size();
        int coresPerSocket = sockets.isEmpty() ? 1 : Math.max(sockets.values().iterator().next(), 1);
        int threadsPerCore = cores.isEmpty() ? 1 / coresPerSocket : cores.values().iterator().next() / coresPerSocket;
        facts.put("processor_count", count);
        facts.put("processor_cores", coresPerSocket);
        facts.put("processor_threads_per_core", threadsPerCore);
        facts.put("processor_vcpus", threadsPerCore * count * coresPerSocket);
        facts.put("processor_nproc", nproc.matches("\\d+") ? Integer.parseInt(nproc) : processors);
    }

    private static void memory(String meminfo, Map<String, Object> facts) {
        Map<String, Integer> mb = new LinkedHashMap<>();
        for (String line : PlatformFacts.lines(meminfo)) {
            String[] kv = line.split(":", 2);
            if (kv.length == 2) {
                mb.put(kv[0].strip().toLowerCase(), (int) (Long.parseLong(kv[1].strip().split(" ")[0]) / 1024));
            }
        }
        for (String key : List.of("memtotal", "swaptotal", "memfree", "swapfree")) {
            if (mb.containsKey(key)) {
                facts.put(key + "_mb", mb.get(key));
            }
        }
        Integer total = mb.get("memtotal");
        Integer free = mb.get("memfree");
        Integer noCacheFree = mb.containsKey("cached") && free != null && mb.containsKey("buffers")
                ? mb.get("cached") + free + mb.get("buffers") : null;
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("real", OrderedFields.of("total", total, "used", difference(total, free), "free", free));
        memory.put("nocache", OrderedFields.of("free", noCacheFree, "used", difference(total, noCacheFree)));
        memory.put("swap", OrderedFields.of("total", mb.get("swaptotal"), "free", mb.get("swapfree"),
                "used", difference(mb.get("swaptotal"), mb.get("swapfree")), "cached", mb.get("swapcached")));
        facts.put("memory_mb", memory);
    }

    private static Integer difference(Integer a, Integer b) {
        return a == null || b == null ? null : a - b;
    }
}
