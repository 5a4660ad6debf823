#!/usr/bin/env bash
# The kit on a server where The Littlest JupyterHub is installed (deploy/README.md, part A).
#
#   sudo git clone <the kit's repository> /srv/kit      # or copy the folder there
#   sudo bash /srv/kit/deploy/tljh/install-kit.sh
#
# Safe to run again (after `git pull` in /srv/kit, for instance). It:
#   1. makes the kit's own conda environment /opt/kit from environment.yml, beside TLJH's
#      user environment, with the jupyterhub-singleuser that matches the hub;
#   2. makes the shared submissions folder /srv/bai-nop;
#   3. installs deploy/tljh/kit.py into TLJH's configuration and sets the limits, the idle
#      culler and the login with tljh-config.
set -euo pipefail

KIT_SOURCE=/srv/kit          # the paths deploy/tljh/kit.py expects
KIT_ENV=/opt/kit
SHARED=/srv/bai-nop
TLJH=/opt/tljh

say() { printf '[kit] %s\n' "$*"; }
die() { printf '[kit] %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "Cần quyền root: chạy lại bằng sudo."
[ -f "$KIT_SOURCE/environment.yml" ] || die "Không thấy $KIT_SOURCE/environment.yml: hãy đặt bộ công cụ ở $KIT_SOURCE."
[ -x "$TLJH/hub/bin/python" ] || die "Chưa cài The Littlest JupyterHub ($TLJH/hub): xem deploy/README.md, bước A1."

CONDA="$TLJH/user/bin/mamba"
[ -x "$CONDA" ] || CONDA="$TLJH/user/bin/conda"
[ -x "$CONDA" ] || die "Không thấy conda/mamba trong $TLJH/user/bin."

say "1/3 Môi trường của bộ công cụ ($KIT_ENV) từ environment.yml"
if [ -x "$KIT_ENV/bin/python" ]; then
    "$CONDA" env update --prefix "$KIT_ENV" --file "$KIT_SOURCE/environment.yml"
else
    "$CONDA" env create --prefix "$KIT_ENV" --file "$KIT_SOURCE/environment.yml"
fi
# The trainee's server talks to the hub: same JupyterHub version on both sides.
HUB_VERSION=$("$TLJH/hub/bin/python" -c 'import jupyterhub; print(jupyterhub.__version__)')
"$CONDA" install --yes --prefix "$KIT_ENV" --channel conda-forge "jupyterhub-singleuser=$HUB_VERSION" \
    || "$KIT_ENV/bin/python" -m pip install "jupyterhub==$HUB_VERSION"
"$KIT_ENV/bin/python" -m pip install --no-deps --upgrade "$KIT_SOURCE"
"$KIT_ENV/bin/python" -m kit lab-config

say "2/3 Thư mục nộp bài chung $SHARED"
# Group jupyterhub-users (every TLJH user, trainer included): the group may write (rwx),
# setgid keeps each new file in that group, sticky stops trainees deleting others' files.
install -d -o root -g jupyterhub-users -m 3770 "$SHARED"
chgrp jupyterhub-users "$SHARED"
chmod 3770 "$SHARED"

say "3/3 Cấu hình JupyterHub"
install -d -m 0700 "$TLJH/config/jupyterhub_config.d"
install -m 0644 "$KIT_SOURCE/deploy/tljh/kit.py" "$TLJH/config/jupyterhub_config.d/kit.py"
tljh-config set user_environment.default_app jupyterlab
# Measured: ~340 MiB for a trainee with two notebooks open (benchmarks/memory.py).
tljh-config set limits.memory 1G
tljh-config set limits.cpu 1
tljh-config set services.cull.enabled true
tljh-config set services.cull.timeout 3600
tljh-config set services.cull.every 300
# Trainees choose their user name and password at their first login.
tljh-config set auth.type firstuseauthenticator.FirstUseAuthenticator
tljh-config set auth.FirstUseAuthenticator.create_users true
# JupyterHub 5 and later let in only listed users unless told otherwise.
tljh-config set auth.FirstUseAuthenticator.allow_all true
tljh-config reload hub

say "Xong. Học viên mở http://<địa chỉ máy chủ>/ và vào thẳng trang Chào mừng."
say "Bài nộp của cả lớp: $SHARED (giảng viên đọc được)."
