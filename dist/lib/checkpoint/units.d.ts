/** Bytes as people read them: `812 B`, `1.5 KiB`, `256.0 MiB`. */
export declare function formatBytes(bytes: number): string;
/** Milliseconds for people: `850 ms`, `12.3 s`, `4 min 05 s`; `–` when unknown. */
export declare function formatDuration(ms: number | undefined): string;
/** A transfer rate in MiB/s, one decimal: `52.3 MiB/s`. */
export declare function formatRate(bytesPerSecond: number): string;
