// /api/admin/products — the catalog as admins edit it: list, read, create, update, adjust stock,
// audit log. Every route is refused to guests (401) and customers (403) before its body is read.
import {
  adminProductCreate,
  adminProductEnvelope,
  adminProductListQuery,
  adminProductPage,
  adminProductPatch,
  auditList,
  errorBody,
  stockAdjustment,
} from '@shop/domain';
import { requireAdmin } from '@shop/sessions';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adjustStock, createProduct, updateProduct } from '../admin/edit-products';
import { getAdminProduct, getAudit, listAdminProducts } from '../admin/read-products';
import type { AppDeps } from '../app';
import type { CatalogChange } from '../cache/catalog-cache';
import { rememberWrite } from '../http/read-your-writes';

/**
 * Large enough that an oversized field (a 10 MB description) is answered 400 naming the field,
 * not 413; only admins get this far (the role is checked before the body is read).
 */
const ADMIN_BODY_LIMIT = 12 * 1024 * 1024;

const WHAT = 'to edit the catalog';
const admin = {
  // Before the body is read, and again once the session plugin may have ended an expired session.
  onRequest: async (request: FastifyRequest) => requireAdmin(request, WHAT),
  preHandler: async (request: FastifyRequest) => requireAdmin(request, WHAT),
};
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 503: errorBody };
const idParams = z.object({ id: z.uuid({ error: 'must be a product id' }) });

/** The signed-in admin's user id (requireAdmin has made sure there is one). */
const actorOf = (request: FastifyRequest) => request.session.get('userId') ?? '';

export const adminProductRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const edit = { db: deps.db, images: deps.images };
    /** After a committed edit: the admin reads their own write; every cache drops the old. */
    const written = async (request: FastifyRequest, change: CatalogChange) => {
      await deps.catalogChanges.changed(change, await rememberWrite(deps.db, request.session));
    };

    app.get(
      '/api/admin/products',
      {
        ...admin,
        schema: {
          tags: ['admin'],
          querystring: adminProductListQuery,
          response: { 200: adminProductPage, ...refusals },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return listAdminProducts(deps.db, request.query);
      },
    );

    app.post(
      '/api/admin/products',
      {
        ...admin,
        bodyLimit: ADMIN_BODY_LIMIT,
        schema: {
          tags: ['admin'],
          body: adminProductCreate,
          response: { 201: adminProductEnvelope, ...refusals },
        },
      },
      async (request, reply) => {
        const { product, change } = await createProduct(edit, actorOf(request), request.body);
        await written(request, change);
        return reply.code(201).send({ product });
      },
    );

    app.get(
      '/api/admin/products/:id',
      {
        ...admin,
        schema: {
          tags: ['admin'],
          params: idParams,
          response: { 200: adminProductEnvelope, 404: errorBody, ...refusals },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return { product: await getAdminProduct(deps.db, request.params.id) };
      },
    );

    app.patch(
      '/api/admin/products/:id',
      {
        ...admin,
        bodyLimit: ADMIN_BODY_LIMIT,
        schema: {
          tags: ['admin'],
          params: idParams,
          body: adminProductPatch,
          response: { 200: adminProductEnvelope, 404: errorBody, 409: errorBody, ...refusals },
        },
      },
      async (request) => {
        const { product, change } = await updateProduct(
          edit,
          actorOf(request),
          request.params.id,
          request.body,
        );
        await written(request, change);
        return { product };
      },
    );

    app.post(
      '/api/admin/products/:id/stock',
      {
        ...admin,
        schema: {
          tags: ['admin'],
          params: idParams,
          body: stockAdjustment,
          response: { 200: adminProductEnvelope, 404: errorBody, ...refusals },
        },
      },
      async (request) => {
        const { product, change } = await adjustStock(
          edit,
          actorOf(request),
          request.params.id,
          request.body,
        );
        await written(request, change);
        return { product };
      },
    );

    app.get(
      '/api/admin/products/:id/audit',
      {
        ...admin,
        schema: {
          tags: ['admin'],
          params: idParams,
          response: { 200: auditList, ...refusals },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return { items: await getAudit(deps.db, request.params.id) };
      },
    );
  };
