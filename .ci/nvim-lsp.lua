-- Drives persona lsp from Neovim, a real LSP client, headless: open a
-- persona with a typo in its icp, wait for the diagnostic, apply the code
-- action the server offers for it, wait for the diagnostics to clear, save.
-- Run by .ci/run as:
--   PERSONA_BIN=... PERSONA_FILE=... nvim --headless -u NONE -i NONE -n -c 'luafile .ci/nvim-lsp.lua'
local function fail(msg)
  io.stderr:write('nvim-lsp: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local bin, file = os.getenv('PERSONA_BIN'), os.getenv('PERSONA_FILE')
if not bin or not file then fail('set PERSONA_BIN and PERSONA_FILE') end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'persona',
  cmd = { bin, 'lsp', '--today', '2026-11-22' },
  root_dir = vim.fn.fnamemodify(file, ':h:h'),
})
if not id then fail('persona lsp did not start') end
vim.lsp.buf_attach_client(buf, id)
local client = vim.lsp.get_client_by_id(id)

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

if not vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
  fail('no diagnostics within 30 s')
end
local diags = vim.diagnostic.get(buf)
if #diags ~= 1 or code_of(diags[1]) ~= 'persona-unknown-icp' then
  fail('expected one persona-unknown-icp diagnostic, got ' .. vim.inspect(diags))
end
local d = diags[1]
io.stdout:write(string.format('diagnostic at %d:%d: %s\n', d.lnum + 1, d.col + 1, d.message))

-- Neovim 0.7 keeps only the code of the server's diagnostic; the range
-- comes from its own fields (0-based, as LSP counts).
local lsp_diag = {
  range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
  message = d.message, code = code_of(d), source = d.source,
}
local resp = client.request_sync('textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = lsp_diag.range,
  context = { diagnostics = { lsp_diag }, only = { 'quickfix' } },
}, 10000, buf)
if not resp or resp.err or not resp.result or #resp.result ~= 1 then
  fail('expected one code action, got ' .. vim.inspect(resp))
end
local action = resp.result[1]
io.stdout:write('code action: ' .. action.title .. '\n')
vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')

if not vim.wait(30000, function() return #vim.diagnostic.get(buf) == 0 end, 50) then
  fail('diagnostics did not clear after the fix: ' .. vim.inspect(vim.diagnostic.get(buf)))
end
vim.cmd('write')
io.stdout:write('fixed and clean\n')
client.stop()
vim.cmd('qall!')
