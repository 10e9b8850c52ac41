# The web app under gunicorn. Same steps as the README, baked into an image.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PORT=8000
# WeasyPrint renders PDFs through Pango; Noto CJK gives Japanese glyphs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN pybabel compile --domain=django --directory=locale \
 && SECRET_KEY=build-only python manage.py collectstatic --no-input

RUN useradd --create-home app \
 && mkdir -p /app/var && chown app /app/var
# var/ holds the drawn report files when no Redis is configured (FILES_CACHE_URL).
USER app
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --no-input && python manage.py load_guide --missing-only && exec gunicorn cto_assess.wsgi --config gunicorn.conf.py"]
