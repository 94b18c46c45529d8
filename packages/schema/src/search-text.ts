import { z } from "zod";

/**
 * Words to search for, wherever a client may send them: as long as `search`
 * allows. A full-text query of 347 KB once made PostgreSQL fail the request.
 */
export const maxSearchText = 500;
export const searchText = z.string().max(maxSearchText, `is longer than ${maxSearchText} characters`);
