// `testTimeout` in a project config is ignored when jest runs several projects from the
// root config (it is a global option), so the launcher tests set theirs here.
jest.setTimeout(120_000);
