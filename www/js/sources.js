// Where text comes from: the bundled seed articles, and files the reader opens or drops.

import { htmlToTextFocused } from './html-text.js';

/** Larger files are refused with a message rather than risking the tab. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const SEEDS_URL = new URL('../seeds/index.json', import.meta.url);

/** The seed list: [{file, title}], as written by tools/package.mjs. */
export async function loadSeedList() {
  const response = await fetch(SEEDS_URL);
  if (!response.ok) throw new Error(`seeds/index.json: HTTP ${response.status}`);
  const list = await response.json();
  return Array.isArray(list) ? list.filter((seed) => typeof seed?.file === 'string' && typeof seed?.title === 'string') : [];
}

export async function loadSeed(file) {
  const response = await fetch(new URL(file, SEEDS_URL));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.text();
}

/**
 * The text of a dropped or opened file: plain text as is, HTML as its visible text (its article only
 * with `articleOnly`). Returns { text, html } (html: the source, when the file was HTML).
 */
export async function readTextFile(file, { articleOnly = true } = {}) {
  if (file.size > MAX_FILE_BYTES) {
    throw new Error(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB; the playground takes files up to ${MAX_FILE_BYTES / 1e6} MB.`);
  }
  const text = await file.text();
  if (isHtml(file, text)) return { ...htmlToTextFocused(text, { articleOnly }), html: text };
  if (!isText(file) || text.includes('\u0000')) {
    throw new Error(`${file.name} does not look like a .txt or .html file.`);
  }
  return { text, html: null };
}

/** Whether pasted text is an HTML document (its source), to be read as HTML. */
export function looksLikeHtmlDocument(text) {
  return /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 1000));
}

function isHtml(file, text) {
  if (/\.(x?html?)$/i.test(file.name) || /html/.test(file.type)) return true;
  return !file.type && /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 1000));
}

function isText(file) {
  return /\.(txt|text|md)$/i.test(file.name) || file.type.startsWith('text/') || !file.type;
}
