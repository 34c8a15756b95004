import { describe, expect, it } from 'vitest';
import { parseOrThrow } from '../../schemas.js';
import { connectionsQuerySchema } from '../connections-query.js';

describe('connections-query', () => {
  it('reads the query string with defaults: connections before templates, first page of 100', () => {
    expect(parseOrThrow(connectionsQuerySchema, { service: 'tcp:10.0.0.1:80', offset: '200' })).toEqual({
      service: 'tcp:10.0.0.1:80',
      searchIn: 'any',
      order: 'asc',
      templates: 'last',
      offset: 200,
      limit: 100,
    });
    expect(
      parseOrThrow(connectionsQuerySchema, {
        search: ' 10.0.0.7:51 ',
        searchIn: 'client',
        sort: 'expires',
        order: 'desc',
        templates: 'hide',
      }),
    ).toMatchObject({ search: '10.0.0.7:51', searchIn: 'client', sort: 'expires', order: 'desc' });
  });

  it('names the parameter and what it may be when one is wrong', () => {
    expect(() => parseOrThrow(connectionsQuerySchema, { limit: '0' })).toThrow(
      /^limit: must be a whole number 1-1000$/,
    );
    expect(() => parseOrThrow(connectionsQuerySchema, { offset: 'ten' })).toThrow(/^offset: /);
    expect(() => parseOrThrow(connectionsQuerySchema, { sort: 'age' })).toThrow(
      /^sort: must be one of protocol, client, virtual, destination, state, expires$/,
    );
    expect(() => parseOrThrow(connectionsQuerySchema, { templates: 'first' })).toThrow(
      /^templates: must be one of last, hide, only$/,
    );
    expect(() => parseOrThrow(connectionsQuerySchema, { search: 'x'.repeat(101) })).toThrow(/^search: /);
    expect(() => parseOrThrow(connectionsQuerySchema, { search: ['a', 'b'] })).toThrow(
      /^search: must be text$/,
    );
  });
});
