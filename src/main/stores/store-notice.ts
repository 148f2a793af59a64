/**
 * Something a store did on its own that the user should hear about: data files are never deleted
 * silently, so when one is unreadable it is set aside and the UI says where it went.
 */
export type StoreNotice =
  | {
      kind: 'corrupt_file_moved';
      /** The file that could not be read. */
      file: string;
      /** Where it now is, untouched, for support or manual recovery. */
      movedTo: string;
    }
  | {
      /** Some records of a collection file were unreadable and dropped; every readable one was kept. */
      kind: 'damaged_file_copied';
      file: string;
      /** A byte-for-byte copy taken before the damaged lines were dropped. */
      copiedTo: string;
      /** Lines dropped. Snapshot items are parsed on first read, so this can still grow after opening. */
      skippedLines: number;
    };
