-- replylint for Neovim's built-in LSP client, without nvim-lspconfig. Works on Neovim 0.7 and
-- later (vim.lsp.start_client and buf_attach_client, no vim.fs). Put this file on your
-- 'runtimepath' as lua/replylint.lua and call require('replylint').setup() from init.lua.
--
-- One server per project root (the nearest folder with .replylint.yaml, package.json or .git),
-- started from the project's node_modules/.bin/replylint when there is one, else from PATH.

local M = {}

local clients = {} -- root folder → client id
local MARKERS = { '.replylint.yaml', '.replylint.yml', 'replylint.config.yaml', 'package.json', '.git' }

local function exists(path)
  return vim.loop.fs_stat(path) ~= nil
end

--- The nearest folder above `path` holding one of the markers (the file's folder if none does).
function M.find_root(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local start = dir
  while true do
    for _, marker in ipairs(MARKERS) do
      if exists(dir .. '/' .. marker) then
        return dir
      end
    end
    local up = vim.fn.fnamemodify(dir, ':h')
    if up == dir then
      return start
    end
    dir = up
  end
end

--- The command that starts the server for a root: the project's own replylint first.
function M.default_cmd(root)
  local bin = root .. '/node_modules/.bin/replylint'
  if vim.fn.executable(bin) == 1 then
    return { bin, 'lsp', '--stdio' }
  end
  return { 'replylint', 'lsp', '--stdio' }
end

--- Attaches buffer `buf` to the replylint server of its root, starting the server if needed.
function M.attach(buf, opts)
  opts = opts or {}
  local path = vim.api.nvim_buf_get_name(buf)
  if path == '' then
    return nil
  end
  local root = (opts.root_dir or M.find_root)(path)
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = 'replylint',
      cmd = opts.cmd or M.default_cmd(root),
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      init_options = opts.init_options,
      on_attach = opts.on_attach,
      -- The server gathers bursts of edits itself; Neovim 0.7 would otherwise wait 150 ms.
      flags = opts.flags or { debounce_text_changes = 20 },
    })
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(buf, id)
  end
  return id
end

--- Starts replylint for the file types it lints.
function M.setup(opts)
  opts = opts or {}
  vim.api.nvim_create_autocmd('FileType', {
    pattern = opts.filetypes or { 'yaml', 'markdown', 'text', 'json', 'csv' },
    callback = function(args)
      M.attach(args.buf, opts)
    end,
  })
end

return M
