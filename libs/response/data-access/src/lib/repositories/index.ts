// Repositories (`<name>.repository.ts`) go here: the only code that reads or writes the tables.
export {};
